from interview_assistant.cli import main

raise SystemExit(main())

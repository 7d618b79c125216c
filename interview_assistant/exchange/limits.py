"""Sizes beyond which an input is refused before it is read into memory.

A real session log is tens of kilobytes and a bundle of a whole audit a few
megabytes; the 20,000-note benchmark audit is 7 MB. The limits leave two orders of
magnitude of room and still stop a runaway or hostile file (a zip bomb, a log of
gigabytes) before it can exhaust memory.
"""

MiB = 1024 * 1024

#: One JSON file (a session log or audit file), on disk or inside a bundle.
MAX_JSON_BYTES = 64 * MiB
#: One bundle file on disk.
MAX_BUNDLE_BYTES = 256 * MiB
#: All entries of one bundle together, uncompressed (as declared, and as read).
MAX_BUNDLE_UNCOMPRESSED = 512 * MiB
#: All inputs of one merge call together (JSON files as read, bundle entries uncompressed):
#: the limits hold for the call, not per input, so many inputs cannot add up past them.
MAX_MERGE_UNCOMPRESSED = 512 * MiB
#: Entries in one bundle; files taken from one folder.
MAX_ENTRIES = 5_000
MAX_FOLDER_FILES = 5_000
#: Declared uncompressed size per compressed byte above which an entry is a zip bomb.
#: Session logs compress about 10:1; only entries over 1 MiB are judged.
MAX_COMPRESSION_RATIO = 200
RATIO_FLOOR_BYTES = 1 * MiB

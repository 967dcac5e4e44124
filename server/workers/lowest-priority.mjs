// Import first in a worker thread's entry: the thread runs at the lowest scheduling priority from
// here on (Linux: the nice value is per thread), and then takes only CPU the event loop leaves.
// On a machine where the server has one core (the bench pins it), a thread at the default
// priority shared that core equally with the event loop: while 20 rooms compacted, the loop waited
// 13 % of a step for it (p99 60 ms at 12,000 edits/s). Entries load their heavy dependencies with
// a dynamic import after this, so parsing them already runs at the low priority.
import { readlinkSync } from "node:fs";
import { setPriority } from "node:os";

try {
  setPriority(Number(readlinkSync("/proc/thread-self").split("/").pop()), 19);
} catch {
  // Not Linux, or not allowed: the thread keeps the process's priority.
}

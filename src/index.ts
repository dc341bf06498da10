// Entry point of the bundled action (dist/index.js).
import { run } from './main.js';
import { preferCompactHeap } from './shared/heap.js';

preferCompactHeap();
await run();

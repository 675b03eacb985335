import { z } from "zod";

// zod 4 probes for `new Function` to compile fast parsers; the page CSP forbids eval, so in the browser
// the probe only logs a CSP violation. Skip it there (the server keeps the compiled parsers).
if (typeof window !== "undefined") z.config({ jitless: true });

/** This process's own peak resident set size in KB (VmHWM; getrusage's maxRSS where /proc is missing). */
export function peakKb(): number;

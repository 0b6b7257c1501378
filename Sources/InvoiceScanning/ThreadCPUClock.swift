#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Seconds of CPU the calling thread has used.
///
/// The scanner's per-page budget is counted in this clock, not the wall clock: a cascade that
/// gives up after "one second" must give up after the same work whether the machine is idle or
/// shared by twenty processes, or the same image reads on one run and not on the next. Wall-clock
/// bounds for hostile files are the file budget's job (`--max-seconds`), one level up.
public enum ThreadCPUClock {
    public static func now() -> Double {
        var spec = timespec()
        guard clock_gettime(CLOCK_THREAD_CPUTIME_ID, &spec) == 0 else { return 0 }
        return Double(spec.tv_sec) + Double(spec.tv_nsec) / 1e9
    }
}

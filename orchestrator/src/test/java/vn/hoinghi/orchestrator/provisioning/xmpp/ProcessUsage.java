package vn.hoinghi.orchestrator.provisioning.xmpp;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Another process's CPU time and memory, read from /proc (Linux), for the benchmarks' figures. */
record ProcessUsage(long pid) {
    /** One instant: wall clock, CPU seconds so far, resident set now and its peak (VmHWM). */
    record Sample(long wallNanos, double cpuSeconds, long rssMiB, long peakMiB) {
        double coresSince(Sample before) {
            return (cpuSeconds - before.cpuSeconds) / ((wallNanos - before.wallNanos) / 1e9);
        }
    }

    Sample sample() throws IOException {
        String[] stat = Files.readString(Path.of("/proc/" + pid + "/stat")).replaceFirst("^.*\\) ", "").split(" ");
        // utime + stime in clock ticks, 100 per second on Linux
        double cpu = (Long.parseLong(stat[11]) + Long.parseLong(stat[12])) / 100.0;
        return new Sample(System.nanoTime(), cpu, status("VmRSS") / 1024, status("VmHWM") / 1024);
    }

    private long status(String field) throws IOException {
        return Files.readAllLines(Path.of("/proc/" + pid + "/status")).stream().filter(l -> l.startsWith(field))
                .mapToLong(l -> Long.parseLong(l.replaceAll("\\D", ""))).findFirst().orElse(0);
    }
}

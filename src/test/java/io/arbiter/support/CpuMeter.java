package io.arbiter.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * CPU seconds used by this JVM and by the local database server (mariadbd/mysqld) between two readings, from
 * /proc, so a benchmark can say which side a 2-core machine spent its time on. Reports "n/a" off Linux or when
 * the database runs elsewhere.
 */
public final class CpuMeter {

    private static final double TICKS_PER_SECOND = 100.0; // USER_HZ on Linux

    private final Path self = Path.of("/proc/self/stat");
    private final Path database = findDatabase();
    private final double jvm0 = seconds(self);
    private final double db0 = seconds(database);

    /** "JVM 12.3 s, database 8.1 s CPU" since this meter was made. */
    public String since() {
        return String.format(Locale.ROOT, "JVM %s, database %s CPU", format(seconds(self) - jvm0, jvm0), format(seconds(database) - db0, db0));
    }

    private static String format(double delta, double start) {
        return Double.isNaN(start) || Double.isNaN(delta) ? "n/a" : String.format(Locale.ROOT, "%.1f s", delta);
    }

    private static Path findDatabase() {
        try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
            return procs.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit))
                    .filter(p -> {
                        try {
                            String comm = Files.readString(p.resolve("comm")).trim();
                            return comm.equals("mariadbd") || comm.equals("mysqld");
                        } catch (IOException e) {
                            return false;
                        }
                    })
                    .map(p -> p.resolve("stat")).findFirst().orElse(null);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** utime + stime (fields 14 and 15 of /proc/PID/stat, counted after the parenthesised command name). */
    private static double seconds(Path stat) {
        if (stat == null) {
            return Double.NaN;
        }
        try {
            String s = Files.readString(stat);
            String[] f = s.substring(s.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(f[11]) + Long.parseLong(f[12])) / TICKS_PER_SECOND;
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
    }
}

package org.chartlens.e2e;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A real `chartlens` process (the Launcher in a fresh JVM on the test class path). */
final class ChartLensProcess implements AutoCloseable {
    private final Process process;
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    private final List<String> all = new ArrayList<>();
    private final StringBuilder err = new StringBuilder();

    private ChartLensProcess(Process process) {
        this.process = process;
        Thread out = new Thread(() -> pump(process.getInputStream(), true), "chartlens-stdout");
        Thread er = new Thread(() -> pump(process.getErrorStream(), false), "chartlens-stderr");
        out.setDaemon(true);
        er.setDaemon(true);
        out.start();
        er.start();
    }

    static ChartLensProcess start(Path dataDir, Map<String, String> env, String... args) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(
                ProcessHandle.current().info().command().orElse("java"),
                "-Djava.awt.headless=true",
                "-cp", System.getProperty("java.class.path"),
                "org.chartlens.app.cli.Launcher", "--data-dir", dataDir.toString()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.environment().putAll(env);
        return new ChartLensProcess(pb.start());
    }

    private void pump(java.io.InputStream in, boolean stdout) {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                if (stdout) {
                    synchronized (all) {
                        all.add(line);
                    }
                    lines.add(line);
                } else {
                    synchronized (err) {
                        err.append(line).append('\n');
                    }
                }
            }
        } catch (IOException e) {
            // process ended
        }
    }

    /** The next stdout line starting with {@code prefix}, waiting up to {@code seconds}. */
    String awaitLine(String prefix, int seconds) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (System.nanoTime() < deadline) {
            String line = lines.poll(200, TimeUnit.MILLISECONDS);
            if (line != null && line.startsWith(prefix)) {
                return line;
            }
            if (line == null && !process.isAlive() && lines.isEmpty()) {
                break;
            }
        }
        throw new AssertionError("no line starting with '" + prefix + "'; stdout=" + stdout() + " stderr=" + stderr());
    }

    int await(int seconds) throws InterruptedException {
        if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("process did not finish in " + seconds + " s; stderr=" + stderr());
        }
        Thread.sleep(100); // let the pumps drain
        return process.exitValue();
    }

    List<String> stdout() {
        synchronized (all) {
            return List.copyOf(all);
        }
    }

    String stderr() {
        synchronized (err) {
            return err.toString();
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}

package org.chartlens.app.bench;

/** Repeats an action: warm-up runs first (not recorded), then measured runs into a figure. */
final class Stopwatch {
    private Stopwatch() {
    }

    interface Action {
        void run() throws Exception;
    }

    interface Measured {
        double run() throws Exception;
    }

    /** Records what each run measures itself (milliseconds), after unrecorded warm-ups. */
    static Figure timeEach(String name, int warmups, int runs, Measured action) throws Exception {
        Figure f = new Figure(name, "ms");
        for (int i = 0; i < warmups; i++) {
            action.run();
        }
        for (int i = 0; i < runs; i++) {
            f.add(action.run());
        }
        return f;
    }

    /** Times {@code runs} executions in milliseconds after {@code warmups} unrecorded ones. */
    static Figure time(String name, int warmups, int runs, Action action) throws Exception {
        Figure f = new Figure(name, "ms");
        for (int i = 0; i < warmups; i++) {
            action.run();
        }
        for (int i = 0; i < runs; i++) {
            long t0 = System.nanoTime();
            action.run();
            f.add((System.nanoTime() - t0) / 1e6);
        }
        return f;
    }
}

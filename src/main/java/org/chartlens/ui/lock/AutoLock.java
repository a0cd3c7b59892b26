package org.chartlens.ui.lock;

import java.time.Duration;
import java.util.function.LongSupplier;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.event.Event;
import javafx.scene.Scene;
import javafx.scene.input.InputEvent;

/**
 * Locks the app after a period without keyboard or mouse input (default 10 minutes; 0 turns it
 * off). The clock is injectable so the rule is testable without waiting. FX thread.
 */
public final class AutoLock {
    public static final Duration DEFAULT_IDLE = Duration.ofMinutes(10);

    private final Runnable onLock;
    private final LongSupplier nanoClock;
    private volatile Duration idle;
    private long lastInput;
    private boolean locked;
    private Timeline ticker;

    public AutoLock(Duration idle, Runnable onLock, LongSupplier nanoClock) {
        this.idle = idle;
        this.onLock = onLock;
        this.nanoClock = nanoClock;
        this.lastInput = nanoClock.getAsLong();
    }

    /** Watches a scene's input and checks every few seconds. */
    public void attach(Scene scene) {
        scene.addEventFilter(InputEvent.ANY, this::onInput);
        ticker = new Timeline(new KeyFrame(javafx.util.Duration.seconds(5), e -> check()));
        ticker.setCycleCount(Timeline.INDEFINITE);
        ticker.play();
    }

    public void stop() {
        if (ticker != null) {
            ticker.stop();
        }
    }

    void onInput(Event e) {
        touch();
    }

    /** Input happened now. */
    public void touch() {
        lastInput = nanoClock.getAsLong();
    }

    public void setIdle(Duration idle) {
        this.idle = idle;
        touch();
    }

    /** Locks when idle long enough; returns true when it locked now. */
    public boolean check() {
        if (locked || idle.isZero() || idle.isNegative()) {
            return false;
        }
        if (nanoClock.getAsLong() - lastInput >= idle.toNanos()) {
            locked = true;
            onLock.run();
            return true;
        }
        return false;
    }

    public boolean isLocked() {
        return locked;
    }

    /** After a successful unlock. */
    public void unlocked() {
        locked = false;
        touch();
    }
}

package io.keyshard.ui;

import io.keyshard.ui.common.ClipboardService;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * A clipboard and a clock for tests that must not wait 30 real seconds: {@link #advance} runs the
 * scheduled tasks that fall due, in order. The text lives in memory like the OS clipboard holds it.
 */
public final class TestClipboard implements ClipboardService.Target, ClipboardService.Scheduler {
    private String text;
    private Duration now = Duration.ZERO;
    private final List<Task> tasks = new ArrayList<>();

    private record Task(Duration due, Runnable run, boolean[] cancelled) {}

    @Override
    public String getText() {
        return text;
    }

    @Override
    public void setText(String text) {
        this.text = text;
    }

    @Override
    public void clear() {
        text = null;
    }

    @Override
    public Runnable schedule(Duration delay, Runnable task) {
        boolean[] cancelled = {false};
        tasks.add(new Task(now.plus(delay), task, cancelled));
        return () -> cancelled[0] = true;
    }

    /** Moves the clock on, running every task due by then. */
    public void advance(Duration by) {
        now = now.plus(by);
        List<Task> due = tasks.stream()
                .filter(t -> t.due().compareTo(now) <= 0)
                .sorted(Comparator.comparing(Task::due))
                .toList();
        tasks.removeAll(due);
        due.stream().filter(t -> !t.cancelled()[0]).forEach(t -> t.run().run());
    }

    /** A clipboard service on this clipboard and clock. */
    public ClipboardService service(BooleanSupplier clearing) {
        return new ClipboardService(this, this, clearing);
    }
}

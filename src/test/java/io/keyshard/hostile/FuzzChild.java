package io.keyshard.hostile;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectMethod;

import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

/**
 * One fuzz target in fuzzing mode, in its own JVM (Jazzer fuzzes one target per process):
 * {@code FuzzChild <class> <method> <seconds> <workDir>}, started by {@link FuzzRun} with
 * {@code JAZZER_FUZZ=1}. libFuzzer's statistics go to stderr; the exit code is the number of
 * failed tests (a finding fails the test). An input that runs longer than 10 s is a finding (a hang).
 */
public final class FuzzChild {
    private FuzzChild() {}

    public static void main(String[] args) {
        LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request()
                .selectors(selectMethod(args[0] + "#" + args[1] + "(byte[])"))
                .configurationParameter("jazzer.internal.basedir", args[3])
                .configurationParameter("jazzer.internal.arg.0", "fuzz")
                .configurationParameter("jazzer.internal.arg.1", "-max_total_time=" + args[2])
                .configurationParameter("jazzer.internal.arg.2", "-print_final_stats=1")
                .configurationParameter("jazzer.internal.arg.3", "-timeout=10")
                .build();
        Launcher launcher = LauncherFactory.create();
        SummaryGeneratingListener listener = new SummaryGeneratingListener();
        launcher.execute(request, listener);
        TestExecutionSummary summary = listener.getSummary();
        summary.printFailuresTo(new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true), 30);
        System.exit((int) Math.min(
                100,
                summary.getTotalFailureCount()
                        + (summary.getTestsSucceededCount() + summary.getTotalFailureCount() == 0 ? 100 : 0)));
    }
}

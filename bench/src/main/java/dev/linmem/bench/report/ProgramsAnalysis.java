package dev.linmem.bench.report;

import dev.linmem.bench.programs.Measurement;
import dev.linmem.bench.programs.ProgramsRun;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The numbers of the real-program report, out of one run's measurements: times with their spread,
 * and ratios between engines taken round by round (each round ran every engine on a program back
 * to back, so a round's ratio divides numbers measured under the same load). Only runs that
 * printed Node's output and exited with Node's status count.
 */
final class ProgramsAnalysis {
    private final ProgramsRun run;

    ProgramsAnalysis(ProgramsRun run) {
        this.run = run;
    }

    /** Wall time of the whole process over the rounds. */
    Stats whole(String program, String engine) {
        return Stats.of(select(program, engine, Measurement.WHOLE, Measurement::same).stream().map(Measurement::seconds).toList());
    }

    /** CPU time (user + system) of the whole process over the rounds. */
    Stats wholeCpu(String program, String engine) {
        return Stats.of(select(program, engine, Measurement.WHOLE, Measurement::same).stream().map(Measurement::cpuSeconds).toList());
    }

    /** Time per run after warm-up, over every measured run of every steady-state round. */
    Stats steady(String program, String engine) {
        return Stats.of(measuredSteady(program, engine, m -> true).stream().map(Measurement::seconds).toList());
    }

    /** engine / reference of the whole process, per round where both ran right; their spread over the rounds. */
    Stats wholeRatio(String program, String engine, String reference) {
        List<Double> ratios = new ArrayList<>();
        for (int round = 1; round <= run.rounds(); round++) {
            int r = round;
            Optional<Measurement> a = select(program, engine, Measurement.WHOLE, m -> m.round() == r && m.same()).stream().findFirst();
            Optional<Measurement> b = select(program, reference, Measurement.WHOLE, m -> m.round() == r && m.same()).stream().findFirst();
            if (a.isPresent() && b.isPresent()) {
                ratios.add(a.get().seconds() / b.get().seconds());
            }
        }
        return Stats.of(ratios);
    }

    /** engine / reference at steady state: per round the ratio of the two medians per run; their spread over the rounds. */
    Stats steadyRatio(String program, String engine, String reference) {
        List<Double> ratios = new ArrayList<>();
        for (int round = 1; round <= run.steadyRounds(); round++) {
            int r = round;
            if (failed(program, engine, r) || failed(program, reference, r)) {
                continue;
            }
            double a = Stats.of(measuredSteady(program, engine, m -> m.round() == r).stream().map(Measurement::seconds).toList()).median();
            double b = Stats.of(measuredSteady(program, reference, m -> m.round() == r).stream().map(Measurement::seconds).toList()).median();
            ratios.add(a / b);
        }
        return Stats.of(ratios);
    }

    /** The runs of a program on an engine in a mode that differed from Node's (or failed), in order. */
    List<Measurement> differences(String program, String engine, String mode) {
        return select(program, engine, mode, m -> !m.same());
    }

    /** How many whole-process runs, or steady-state loops, a program had on an engine. */
    int attempts(String program, String engine, String mode) {
        return mode.equals(Measurement.WHOLE) ? select(program, engine, mode, m -> true).size()
                        : (int) select(program, engine, mode, m -> true).stream().mapToInt(Measurement::round).distinct().count();
    }

    /** Whether a steady-state round of a program on an engine had any run that differed or failed: its times do not count. */
    private boolean failed(String program, String engine, int round) {
        return !select(program, engine, Measurement.STEADY, m -> m.round() == round && !m.same()).isEmpty();
    }

    /** The measured runs of the steady-state rounds without a difference or failure. */
    private List<Measurement> measuredSteady(String program, String engine, Predicate<Measurement> filter) {
        return select(program, engine, Measurement.STEADY,
                        m -> filter.test(m) && !m.warmup() && m.iteration() > 0 && !failed(program, engine, m.round()));
    }

    private List<Measurement> select(String program, String engine, String mode, Predicate<Measurement> filter) {
        return run.measurements().stream().filter(m -> m.program().equals(program) && m.engine().equals(engine)
                        && m.mode().equals(mode) && filter.test(m)).toList();
    }
}

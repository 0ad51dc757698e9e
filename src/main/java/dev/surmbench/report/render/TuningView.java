package dev.surmbench.report.render;

import java.util.List;

/**
 * The report's protocol and tuning views, pre-formatted ({@link TuningViewBuilder}): the line saying
 * which protocol the verdicts use, the clean protocol beside the paper's, and — when the suite's tuning
 * folder exists — the rate each final cell used among the rates tried (the figures' data is in the
 * chart JSON under {@code tuning}).
 *
 * @param verdictProtocol which protocol the verdicts' numbers come from, in one line
 * @param protocol clean vs paper protocol per task × method (validation-selected runs only)
 * @param protocolNote what the clean-vs-paper table shows ("" without validation-selected runs)
 * @param tuned whether a tuning folder with trial rows was found beside the suite's
 * @param tuningNote where the tuning folder is (or was looked for) and how many trials it holds
 * @param choices per task × method row of the trials: the rates tried and the one the final runs used
 * @param sensitivityCaption what the sensitivity charts draw
 * @param budgetCaption what the expected-max charts draw
 * @param lossCaption what the validation-loss charts draw ("": the trials recorded no validation loss, no chart)
 * @param disagreements run ids recorded as a trial and as a final run with different results (one line each)
 */
public record TuningView(String verdictProtocol, List<ProtocolLine> protocol, String protocolNote, boolean tuned,
        String tuningNote, List<ChoiceLine> choices, String sensitivityCaption, String budgetCaption,
        String lossCaption, List<String> disagreements) {

    public TuningView {
        protocol = List.copyOf(protocol);
        choices = List.copyOf(choices);
        disagreements = List.copyOf(disagreements);
    }

    /** One cell: the clean headline, the paper protocol's number and their difference, in points. */
    public record ProtocolLine(String task, String label, String metric, String runs, String clean, String paper,
            String optimism) {}

    /**
     * One tuned cell: the rates tried, the final runs' rate, its validation score and loss, the best score,
     * and an edge or other note.
     */
    public record ChoiceLine(String task, String label, String rates, String chosen, String value, String loss,
            String best, String note, boolean warn) {}
}

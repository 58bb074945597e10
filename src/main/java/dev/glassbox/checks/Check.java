package dev.glassbox.checks;

import java.util.List;

/** One check of the battery: measures something about a model and says pass, warn or fail, in a sentence. */
public interface Check {

    /** Its id, title, plain description and settings. */
    CheckDefinition definition();

    /**
     * Runs on one model: its results per data set, class or method. A check that cannot run here (no masks, a
     * method it needs is not in the battery) returns {@link CheckStatus#SKIPPED} results saying why.
     */
    List<CheckResult> run(CheckContext context, CheckSettings settings);
}

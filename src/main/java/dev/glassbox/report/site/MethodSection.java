package dev.glassbox.report.site;

import java.util.List;

/** An attribution method on the methods page: its note, and the models for which its pictures are not to be trusted. */
public record MethodSection(MethodNotes.Note note, List<Untrusted> untrusted) {

    /** The section's id: the method's name where it is a plain one ("integrated-gradients"). */
    public String id() {
        return anchor(note.method());
    }

    static String anchor(String method) {
        return CheckViews.asciiId(method);
    }
}

package dev.glassbox;

/** Where long work reports how far it has got. */
@FunctionalInterface
public interface Progress {

    /** Reports nothing. */
    Progress NONE = (what, done, total) -> {};

    /**
     * @param what  what is being done, in a few words
     * @param done  units done so far
     * @param total units in all
     */
    void update(String what, long done, long total);
}

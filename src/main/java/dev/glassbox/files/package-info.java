/**
 * What Glassbox writes to a user's disk, and how it keeps from harming what is there: output is built in a staging
 * folder beside its place and moved in only when complete; a folder is replaced only when it carries Glassbox's
 * marker and holds nothing the marker does not list; an interrupt removes what was half written and says so; a
 * later run clears the staging and temporary folders of a run that was killed. Imports nothing else of Glassbox
 * but {@link dev.glassbox.GlassboxException}.
 */
package dev.glassbox.files;

/**
 * Loading DL4J and Keras models, their input spec, layouts and preprocessing, the model under test, and the gradient
 * engine every attribution method stands on.
 */
package dev.glassbox.model;

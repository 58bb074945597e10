/** Loading DL4J and Keras models, their input spec, and the gradient engine every attribution method stands on. */
package dev.glassbox.model;

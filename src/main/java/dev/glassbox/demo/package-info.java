/** The built-in demo: the shapes data set, a flawed and a fixed model, and the report that tells them apart. */
package dev.glassbox.demo;

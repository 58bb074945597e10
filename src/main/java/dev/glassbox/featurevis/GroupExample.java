package dev.glassbox.featurevis;

/**
 * A real image on which a neuron group is strongly active.
 *
 * @param dataset    the data set it comes from
 * @param file       its file name there
 * @param trueClass  its label
 * @param picture    page-relative path of the image with the group's activation drawn over it
 * @param activation the group's mean activation on the image (the same measure as the group's objective)
 */
public record GroupExample(String dataset, String file, String trueClass, String picture, double activation) {}

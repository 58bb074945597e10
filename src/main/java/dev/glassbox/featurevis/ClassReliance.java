package dev.glassbox.featurevis;

/**
 * How much one class's score leans on a neuron group.
 *
 * @param className    the class
 * @param contribution the group's mean contribution to the class's logit on images of the class (activation ×
 *                     gradient along the group's direction, summed over positions); negative where it lowers it
 * @param share        the contribution as a share of the sum of the absolute contributions of all the layer's
 *                     groups to this class, from -1 to 1
 */
public record ClassReliance(String className, double contribution, double share) {}

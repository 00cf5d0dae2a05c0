package io.github.natsspring.demo;

/**
 * An order as published on {@value OrderSubjects#CREATED}.
 *
 * @param id the order id, assigned on creation
 * @param item what was ordered
 * @param quantity how many
 */
public record Order(String id, String item, int quantity) {
}

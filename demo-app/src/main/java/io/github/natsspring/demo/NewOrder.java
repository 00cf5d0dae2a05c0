package io.github.natsspring.demo;

/**
 * The body of {@code POST /orders}.
 *
 * @param item what to order
 * @param quantity how many
 */
public record NewOrder(String item, int quantity) {
}

package io.github.natsspring.demo;

/**
 * A request to price a quantity of an item.
 *
 * @param item the item
 * @param quantity how many
 */
public record QuoteRequest(String item, int quantity) {
}

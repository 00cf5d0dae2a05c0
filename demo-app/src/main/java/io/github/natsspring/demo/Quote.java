package io.github.natsspring.demo;

import java.math.BigDecimal;

/**
 * A priced quantity of an item.
 *
 * @param item the item
 * @param quantity how many
 * @param unitPrice the price of one
 * @param total the price of all
 */
public record Quote(String item, int quantity, BigDecimal unitPrice, BigDecimal total) {
}

package io.github.natsspring.demo;

import java.math.BigDecimal;
import java.util.Map;

import io.github.natsspring.annotation.NatsListener;
import io.github.natsspring.listener.NatsServiceException;

import org.springframework.stereotype.Component;

/**
 * Answers price requests. Returning a value replies to the requester; an unknown item is answered with a
 * 404 service error, which the requester receives as an exception.
 */
@Component
class PricingService {

	private static final Map<String, BigDecimal> UNIT_PRICES = Map.of("pen", new BigDecimal("1.50"), "notebook",
			new BigDecimal("4.00"), "ink", new BigDecimal("7.25"));

	@NatsListener(subjects = OrderSubjects.QUOTE, queue = "pricing")
	Quote quote(QuoteRequest request) {
		BigDecimal unitPrice = UNIT_PRICES.get(request.item());
		if (unitPrice == null) {
			throw new NatsServiceException(404, "No price for item '" + request.item() + "'");
		}
		return new Quote(request.item(), request.quantity(), unitPrice,
				unitPrice.multiply(BigDecimal.valueOf(request.quantity())));
	}
}

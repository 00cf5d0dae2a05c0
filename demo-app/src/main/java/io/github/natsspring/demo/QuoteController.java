package io.github.natsspring.demo;

import io.github.natsspring.core.NatsOperations;
import io.github.natsspring.core.NatsNoRespondersException;
import io.github.natsspring.core.NatsServiceErrorException;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Prices items by asking the pricing service over NATS request-reply.
 */
@RestController
class QuoteController {

	private final NatsOperations nats;

	QuoteController(NatsOperations nats) {
		this.nats = nats;
	}

	@GetMapping("/quotes/{item}")
	Quote quote(@PathVariable String item, @RequestParam(defaultValue = "1") int quantity) {
		return this.nats.convertSendAndReceive(OrderSubjects.QUOTE, new QuoteRequest(item, quantity), Quote.class);
	}

	@ExceptionHandler
	ProblemDetail serviceError(NatsServiceErrorException ex) {
		HttpStatus status = HttpStatus.resolve(ex.getCode());
		return ProblemDetail.forStatusAndDetail((status != null) ? status : HttpStatus.BAD_GATEWAY,
				ex.getDescription());
	}

	@ExceptionHandler
	ProblemDetail noPricingService(NatsNoRespondersException ex) {
		return ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, "The pricing service is not running");
	}
}

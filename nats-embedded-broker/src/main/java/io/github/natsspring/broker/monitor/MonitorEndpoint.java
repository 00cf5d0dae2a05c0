package io.github.natsspring.broker.monitor;

import java.util.concurrent.CompletableFuture;

/** One monitoring path and how it answers. */
interface MonitorEndpoint {

	/**
	 * Answers a request.
	 * @param query the request's query
	 * @return the response, once gathered
	 * @throws BadQueryException when a query value is unusable
	 */
	CompletableFuture<MonitorResponse> handle(QueryParameters query);

}

package io.github.natsspring.broker.jetstream.api;

/**
 * Ends the handling of an API request with an error response: thrown by a handler (or by the JSON reader for a
 * malformed body), the dispatcher answers the request with the error under the handler's response type.
 */
public final class ApiException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	private final transient ApiError error;

	/**
	 * An error response.
	 * @param error what to answer
	 */
	public ApiException(ApiError error) {
		super(error.description(), null, false, false);
		this.error = error;
	}

	/**
	 * The error to answer with.
	 * @return the error
	 */
	public ApiError error() {
		return this.error;
	}
}

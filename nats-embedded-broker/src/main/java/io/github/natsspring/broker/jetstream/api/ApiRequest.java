package io.github.natsspring.broker.jetstream.api;

import java.util.List;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

import io.github.natsspring.broker.jetstream.InternalClient;
import io.github.natsspring.broker.jetstream.InternalMessage;

/**
 * One request of the JetStream API and its answer. The subject's tokens after the request's kind are its
 * arguments ({@code $JS.API.STREAM.INFO.ORDERS}: kind {@code STREAM.INFO}, argument {@code ORDERS}); the body is
 * JSON. Every response is a JSON object whose first field is {@code "type"}. Thread-safe to answer from any
 * thread, once.
 */
public final class ApiRequest {

	/** The prefix of every response type. */
	public static final String TYPE_PREFIX = "io.nats.jetstream.api.v1.";

	private static final System.Logger LOG = System.getLogger(ApiRequest.class.getName());

	private final InternalMessage message;

	private final List<String> arguments;

	private final String responseType;

	private final InternalClient client;

	private final ApiCounters counters;

	private JsonObject body;

	ApiRequest(InternalMessage message, List<String> arguments, String responseType, InternalClient client,
			ApiCounters counters) {
		this.message = message;
		this.arguments = arguments;
		this.responseType = responseType;
		this.client = client;
		this.counters = counters;
	}

	/**
	 * The subject the request was sent to.
	 * @return e.g. {@code $JS.API.STREAM.INFO.ORDERS}
	 */
	public String subject() {
		return this.message.subject();
	}

	/**
	 * The inbox the answer goes to.
	 * @return the reply subject, or {@code null} when the requester expects no answer
	 */
	public String replyTo() {
		return this.message.replyTo();
	}

	/**
	 * The tokens of the subject after the request's kind.
	 * @return the arguments, e.g. {@code [ORDERS]} for {@code STREAM.INFO.ORDERS}
	 */
	public List<String> arguments() {
		return this.arguments;
	}

	/**
	 * One argument.
	 * @param index its position among {@link #arguments()}
	 * @return the token, or {@code null} when the subject has fewer
	 */
	public String argument(int index) {
		return (index < this.arguments.size()) ? this.arguments.get(index) : null;
	}

	/**
	 * The arguments from a position on joined with dots, e.g. a filter subject at the end of
	 * {@code CONSUMER.CREATE.<stream>.<name>.<filter>} or the subject of {@code DIRECT.GET.<stream>.<subject>}.
	 * @param from the first argument's position
	 * @return the joined tokens, or {@code null} when there are none from there
	 */
	public String argumentsFrom(int from) {
		return (from < this.arguments.size()) ? String.join(".", this.arguments.subList(from, this.arguments.size()))
				: null;
	}

	/**
	 * The request as received.
	 * @return the message, headers and payload included
	 */
	public InternalMessage message() {
		return this.message;
	}

	/**
	 * The body as a JSON object, read once.
	 * @return the object; {@link JsonObject#empty()} for an empty body
	 * @throws ApiException with {@link ApiError#INVALID_JSON} for a body that is not a JSON object
	 */
	public JsonObject body() {
		if (this.body == null) {
			this.body = JsonObject.parse(this.message.payload());
		}
		return this.body;
	}

	/**
	 * Whether the body is empty, as some requests require.
	 * @return {@code true} for no bytes
	 */
	public boolean hasEmptyBody() {
		return this.message.payload().length == 0;
	}

	/**
	 * The response type of this request's kind.
	 * @return the full type, e.g. {@code io.nats.jetstream.api.v1.stream_info_response}
	 */
	public String responseType() {
		return TYPE_PREFIX + this.responseType;
	}

	/**
	 * A response: a writer with the object opened and its {@code "type"} written; the caller adds fields and
	 * passes it to {@link #respond(JsonWriter)}.
	 * @return the writer
	 */
	public JsonWriter response() {
		return JsonWriter.create().beginObject().field("type", responseType());
	}

	/**
	 * Closes the response's object and sends it to the reply subject.
	 * @param response a writer from {@link #response()} with its fields written
	 */
	public void respond(JsonWriter response) {
		response.endObject();
		send(response.toBytes());
	}

	/**
	 * Answers with an error.
	 * @param error the error
	 */
	public void respondError(ApiError error) {
		respondError(error, null);
	}

	/**
	 * Answers with an error and the zero fields some responses carry with it (e.g. {@code "total":0} of a paged
	 * response).
	 * @param error the error
	 * @param extraFields writes the extra fields after {@code "error"}, or {@code null}
	 */
	public void respondError(ApiError error, Consumer<JsonWriter> extraFields) {
		this.counters.error();
		JsonWriter response = response();
		error.writeTo(response);
		if (extraFields != null) {
			extraFields.accept(response);
		}
		respond(response);
	}

	/**
	 * Runs part of the handling elsewhere, typically on a stream's executor; an {@link ApiException} thrown there
	 * answers the request with its error, as one thrown by the handler itself does.
	 * @param executor where to run
	 * @param work the work, answering the request
	 */
	public void executeOn(Executor executor, Runnable work) {
		executor.execute(() -> run(work));
	}

	/**
	 * Runs work answering this request, turning an {@link ApiException} into the error response.
	 * @param work the work
	 */
	void run(Runnable work) {
		try {
			work.run();
		}
		catch (ApiException ex) {
			respondError(ex.error());
		}
		catch (RuntimeException ex) {
			LOG.log(System.Logger.Level.ERROR, "JetStream API request " + this.message.subject() + " failed", ex);
			respondError(ApiError.STREAM_GENERAL_ERROR.withDescription(String.valueOf(ex.getMessage())));
		}
	}

	private void send(byte[] json) {
		String reply = this.message.replyTo();
		if (reply != null) {
			this.client.publish(reply, null, null, json);
		}
	}

	@Override
	public String toString() {
		return "ApiRequest[" + this.message.subject() + "]";
	}
}

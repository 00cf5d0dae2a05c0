package io.github.natsspring.broker.jetstream.consumer;

import java.util.Locale;

import io.github.natsspring.broker.jetstream.api.ApiError;
import io.github.natsspring.broker.jetstream.api.ApiException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.json.JsonFactory;

/**
 * The body of a consumer create request, {@code {"stream_name":"S","config":{…},"action":"create"}}
 * (nats-server 2.9.10 ignores {@code action}).
 *
 * @param streamName the stream named in the body, empty when absent
 * @param config the requested configuration, Go's zero values where absent
 */
record CreateConsumerRequest(String streamName, ConsumerConfig config) {

	private static final JsonFactory JSON = new JsonFactory();

	/**
	 * Reads a request body.
	 * @throws ApiException with "invalid JSON" (10025) for what Go's {@code json.Unmarshal} refuses
	 */
	static CreateConsumerRequest parse(byte[] body) {
		String streamName = "";
		ConsumerConfig config = ConsumerConfig.builder().build();
		try (JsonParser parser = JSON.createParser(ObjectReadContext.empty(), body)) {
			if (parser.nextToken() != JsonToken.START_OBJECT) {
				throw new ApiException(ApiError.INVALID_JSON);
			}
			while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
				String name = parser.currentName().toLowerCase(Locale.ROOT);
				JsonToken value = parser.nextToken();
				if (name.equals("stream_name") && value == JsonToken.VALUE_STRING) {
					streamName = parser.getString();
				}
				else if (name.equals("config") && value == JsonToken.START_OBJECT) {
					config = ConsumerConfigJson.read(parser);
				}
				else if ((name.equals("stream_name") || name.equals("config")) && value != JsonToken.VALUE_NULL) {
					throw new ApiException(ApiError.INVALID_JSON);
				}
				else {
					parser.skipChildren();
				}
			}
			if (parser.nextToken() != null) {
				throw new ApiException(ApiError.INVALID_JSON);
			}
		}
		catch (JacksonException | IllegalArgumentException ex) {
			throw new ApiException(ApiError.INVALID_JSON);
		}
		return new CreateConsumerRequest(streamName, config);
	}
}

package io.github.natsspring.broker.jetstream.consumer;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.time.Instant;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.json.JsonFactory;

/**
 * What a consumer store keeps besides the state: the configuration and the creation time, as
 * {@code {"created":"…","config":{…}}}.
 *
 * @param config the consumer's configuration, defaults filled in
 * @param created when the consumer was created
 */
record ConsumerMetadata(ConsumerConfig config, Instant created) {

	private static final JsonFactory JSON = new JsonFactory();

	static byte[] toBytes(ConsumerConfig config, Instant created) {
		ByteArrayOutputStream out = new ByteArrayOutputStream(512);
		try (JsonGenerator json = JSON.createGenerator(ObjectWriteContext.empty(), (OutputStream) out)) {
			json.writeStartObject();
			json.writeStringProperty("created", GoTimestamps.format(created));
			json.writeName("config");
			ConsumerConfigJson.write(json, config);
			json.writeEndObject();
		}
		return out.toByteArray();
	}

	/**
	 * Reads what {@link #toBytes} wrote.
	 * @throws IllegalArgumentException when the bytes are not a consumer's metadata
	 */
	static ConsumerMetadata parse(byte[] bytes) {
		ConsumerConfig config = null;
		Instant created = Instant.EPOCH;
		try (JsonParser parser = JSON.createParser(ObjectReadContext.empty(), bytes)) {
			if (parser.nextToken() != JsonToken.START_OBJECT) {
				throw new IllegalArgumentException("consumer metadata is not a JSON object");
			}
			while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
				String name = parser.currentName();
				JsonToken value = parser.nextToken();
				if (name.equals("created") && value == JsonToken.VALUE_STRING) {
					created = GoTimestamps.parse(parser.getString());
				}
				else if (name.equals("config") && value == JsonToken.START_OBJECT) {
					config = ConsumerConfigJson.read(parser);
				}
				else {
					parser.skipChildren();
				}
			}
		}
		catch (JacksonException ex) {
			throw new IllegalArgumentException("consumer metadata is not valid JSON: " + ex.getOriginalMessage(), ex);
		}
		if (config == null) {
			throw new IllegalArgumentException("consumer metadata has no config");
		}
		return new ConsumerMetadata(config, created);
	}
}

package io.github.natsspring.core;

import java.nio.charset.StandardCharsets;
import java.util.List;

import io.nats.client.impl.Headers;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.ParameterizedTypeReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link JsonNatsMessageConverter}.
 */
class JsonNatsMessageConverterTests {

	private final JsonNatsMessageConverter converter = new JsonNatsMessageConverter(JsonMapper.shared());

	@Test
	void objectsAreWrittenAsJsonWithJsonContentType() {
		Headers headers = new Headers();
		byte[] payload = this.converter.toPayload(new Item("pen", 2), headers);
		assertThat(new String(payload, StandardCharsets.UTF_8)).isEqualTo("{\"name\":\"pen\",\"count\":2}");
		assertThat(headers.getFirst(NatsHeaders.CONTENT_TYPE)).isEqualTo(JsonNatsMessageConverter.JSON);
	}

	@Test
	void bytesPassThroughWithoutContentType() {
		Headers headers = new Headers();
		byte[] bytes = { 0, (byte) 0xff };
		assertThat(this.converter.toPayload(bytes, headers)).isSameAs(bytes);
		assertThat(headers.isEmpty()).isTrue();
		assertThat(this.converter.fromPayload(bytes, null, byte[].class)).isSameAs(bytes);
	}

	@Test
	void stringsAreWrittenAsUtf8Text() {
		Headers headers = new Headers();
		assertThat(this.converter.toPayload("héllo", headers)).isEqualTo("héllo".getBytes(StandardCharsets.UTF_8));
		assertThat(headers.getFirst(NatsHeaders.CONTENT_TYPE)).isEqualTo(JsonNatsMessageConverter.TEXT);
		assertThat(this.converter.fromPayload("héllo".getBytes(StandardCharsets.UTF_8), null, String.class))
			.isEqualTo("héllo");
	}

	@Test
	void contentTypeSetByTheCallerIsKept() {
		Headers headers = new Headers().put(NatsHeaders.CONTENT_TYPE, "application/vnd.item+json");
		this.converter.toPayload(new Item("pen", 1), headers);
		assertThat(headers.get(NatsHeaders.CONTENT_TYPE)).containsExactly("application/vnd.item+json");
	}

	@Test
	void jsonIsReadIntoGenericTypes() {
		byte[] json = "[{\"name\":\"a\",\"count\":1}]".getBytes(StandardCharsets.UTF_8);
		Object items = this.converter.fromPayload(json, null, new ParameterizedTypeReference<List<Item>>() {
		}.getType());
		assertThat(items).isEqualTo(List.of(new Item("a", 1)));
	}

	@Test
	void emptyPayloadReadsAsNull() {
		assertThat(this.converter.fromPayload(new byte[0], null, Item.class)).isNull();
	}

	@Test
	void malformedJsonRaisesConversionException() {
		assertThatExceptionOfType(NatsConversionException.class)
			.isThrownBy(() -> this.converter.fromPayload("{nope".getBytes(StandardCharsets.UTF_8), null, Item.class))
			.withMessageContaining(Item.class.getName());
	}

	record Item(String name, int count) {
	}
}

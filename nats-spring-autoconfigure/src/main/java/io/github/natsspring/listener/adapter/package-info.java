/**
 * Adapts received jnats messages to spring-messaging handler methods: message and header mapping, payload
 * conversion, argument resolvers and result replies.
 */
@NullMarked
package io.github.natsspring.listener.adapter;

import org.jspecify.annotations.NullMarked;

package io.github.natsspring.test;

import java.net.URI;
import java.util.List;

/**
 * What a node of an {@link EmbeddedNatsCluster} starts with besides the {@link EmbeddedNatsSettings}.
 *
 * @param index the node's position in the cluster, from 0
 * @param clusterName the name all nodes share
 * @param clusterPort the port its routes listen on, 0 for a free one
 * @param routes the cluster ports of the other nodes it dials
 */
record EmbeddedNatsNode(int index, String clusterName, int clusterPort, List<URI> routes) {
}

/**
 * A Java exception as a Kafka tool reports it: its class name and message. `toString()` is
 * Java's `Throwable.toString`: `class: message`.
 */
export class JavaException extends Error {
  constructor(readonly className: string, message: string) {
    super(message);
  }

  override toString(): string {
    return `${this.className}: ${this.message}`;
  }
}

/** Kafka's error codes as the Java client's exceptions (`Errors.java`, same text in 2.8 and 3.6). */
export const KAFKA_ERRORS = {
  UNKNOWN_TOPIC_OR_PARTITION: ['org.apache.kafka.common.errors.UnknownTopicOrPartitionException', 'This server does not host this topic-partition.'],
  TOPIC_ALREADY_EXISTS: ['org.apache.kafka.common.errors.TopicExistsException', 'Topic with this name already exists.'],
  INVALID_REPLICATION_FACTOR: ['org.apache.kafka.common.errors.InvalidReplicationFactorException', 'Replication factor is below 1 or larger than the number of available brokers.'],
  INVALID_PARTITIONS: ['org.apache.kafka.common.errors.InvalidPartitionsException', 'Number of partitions is below 1.'],
  INVALID_REPLICA_ASSIGNMENT: ['org.apache.kafka.common.errors.InvalidReplicaAssignmentException', 'Replica assignment is invalid.'],
  TOPIC_DELETION_DISABLED: ['org.apache.kafka.common.errors.TopicDeletionDisabledException', 'Topic deletion is disabled.'],
  ELECTION_NOT_NEEDED: ['org.apache.kafka.common.errors.ElectionNotNeededException', 'Leader election not needed for topic partition.'],
  PREFERRED_LEADER_NOT_AVAILABLE: ['org.apache.kafka.common.errors.PreferredLeaderNotAvailableException', 'The preferred leader was not available.'],
  ELIGIBLE_LEADERS_NOT_AVAILABLE: ['org.apache.kafka.common.errors.EligibleLeadersNotAvailableException', 'Eligible topic partition leaders are not available.'],
  INVALID_CONFIG: ['org.apache.kafka.common.errors.InvalidConfigurationException', 'Configuration is invalid.'],
  COORDINATOR_NOT_AVAILABLE: ['org.apache.kafka.common.errors.CoordinatorNotAvailableException', 'The coordinator is not available.'],
  NON_EMPTY_GROUP: ['org.apache.kafka.common.errors.GroupNotEmptyException', 'The group is not empty.'],
  GROUP_ID_NOT_FOUND: ['org.apache.kafka.common.errors.GroupIdNotFoundException', 'The group id does not exist.'],
  GROUP_SUBSCRIBED_TO_TOPIC: ['org.apache.kafka.common.errors.GroupSubscribedToTopicException', 'Deleting offsets of a topic is forbidden while the consumer group is actively subscribed to it.'],
  INVALID_REQUEST: ['org.apache.kafka.common.errors.InvalidRequestException', 'This most likely occurs because of a request being malformed by the client library or the message was sent to an incompatible broker. See the broker logs for more details.'],
} as const;

export type KafkaErrorName = keyof typeof KAFKA_ERRORS;

/** The client-side exception for a broker's error: its class, with the broker's message or the default one. */
export function kafkaError(name: KafkaErrorName, message?: string): JavaException {
  const [className, fallback] = KAFKA_ERRORS[name];
  return new JavaException(className, message ?? fallback);
}

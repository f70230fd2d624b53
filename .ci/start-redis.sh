#!/usr/bin/env bash
# Starts a throwaway Redis server on 127.0.0.1 for the scale-out tests and exports ONEONONE_TEST_REDIS.
# Usage: source .ci/start-redis.sh   (stop it with stop_test_redis)
# Below Linux's ephemeral range (32768-60999): no outgoing connection of an earlier job holds it.
REDIS_PORT=${REDIS_PORT:-26379}
REDIS_DIR=$(mktemp -d /tmp/oneonone-redis.XXXXXX)
redis-server --bind 127.0.0.1 --port "$REDIS_PORT" --save '' --appendonly no --dir "$REDIS_DIR" --daemonize yes \
  --pidfile "$REDIS_DIR/redis.pid" --logfile "$REDIS_DIR/redis.log"
for _ in $(seq 1 50); do redis-cli -p "$REDIS_PORT" ping >/dev/null 2>&1 && break; sleep 0.1; done
export ONEONONE_TEST_REDIS="127.0.0.1:$REDIS_PORT"
stop_test_redis() {
  redis-cli -p "$REDIS_PORT" shutdown nosave >/dev/null 2>&1 || true
  rm -rf "$REDIS_DIR"
}
echo "Redis is listening on 127.0.0.1:$REDIS_PORT (ONEONONE_TEST_REDIS is set)"

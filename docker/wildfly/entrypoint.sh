#!/bin/sh
# Creates the management (admin console) user from WILDFLY_ADMIN_PASSWORD when given, then starts the
# node bound to all interfaces of the container.
set -e
if [ -n "${WILDFLY_ADMIN_PASSWORD:-}" ]; then
  /opt/server/bin/add-user.sh -u admin -p "$WILDFLY_ADMIN_PASSWORD" -s
fi
exec /opt/server/bin/standalone.sh -b 0.0.0.0 -bmanagement 0.0.0.0 "$@"

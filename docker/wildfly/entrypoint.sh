#!/bin/sh
# Reads the token-verifying public key, creates the management (admin console) user from WILDFLY_ADMIN_PASSWORD
# when given, then starts the node bound to all interfaces of the container.
set -e
# The token realm takes the public key as PEM text (env JWT_VERIFY_PUBLIC_KEY); a mounted file is read here.
if [ -z "${JWT_VERIFY_PUBLIC_KEY:-}" ] && [ -n "${JWT_VERIFY_PUBLIC_KEY_FILE:-}" ]; then
  JWT_VERIFY_PUBLIC_KEY=$(cat "$JWT_VERIFY_PUBLIC_KEY_FILE")
  export JWT_VERIFY_PUBLIC_KEY
fi
if [ -n "${WILDFLY_ADMIN_PASSWORD:-}" ]; then
  /opt/server/bin/add-user.sh -u admin -p "$WILDFLY_ADMIN_PASSWORD" -s
fi
exec /opt/server/bin/standalone.sh -b 0.0.0.0 -bmanagement 0.0.0.0 "$@"

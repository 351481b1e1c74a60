"""The gRPC runtime every service shares: server builder, interceptors, status mapping, channels."""

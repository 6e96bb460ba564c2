#pragma once
// Shards named by URL (http://, https://, s3://BUCKET/KEY, or every shard under s3://BUCKET/PREFIX/) are fetched with libcurl into the local shard cache
// (<sampleCacheRoot()>/shards/), then read like local ones; a later run reuses a cached copy.
// Transient failures (no connection, a timeout, HTTP 5xx or 429) are retried with exponential
// backoff; then, or at once for any other 4xx, the fetch fails naming the URL and the status.
// Torch-free.
#include <functional>
#include <string>
#include <vector>

namespace netloom {

struct FetchOptions {
    int attempts = 5;                // in all, the first included
    double firstBackoffSeconds = 0.5;  // doubled after each failed attempt
    long timeoutSeconds = 600;
    std::function<void(const std::string& message)> onRetry;  // "GET URL: HTTP 503, retrying in 1 s"
    int listPageSize = 0;            // keys per listing page; 0: the server's (S3: 1,000)
    bool reuseCached = true;         // false: fetched again even when the cache has a copy
};

bool isRemoteShard(const std::string& name);

// The local copy of `url`, downloaded when it is not cached yet. Throws DataError.
std::string fetchShard(const std::string& url, const FetchOptions& options = {});

// s3://BUCKET/PREFIX/ (the trailing slash) names every shard under the prefix.
bool isShardListing(const std::string& name);
// The shards under an S3 prefix: every object whose key ends in .tar, in key order, as s3:// URLs
// (ListObjectsV2, signed like a GET, page by page; retried like a fetch). Throws DataError, also
// when the prefix holds no shard.
std::vector<std::string> listShards(const std::string& prefixUrl, const FetchOptions& options = {});

}  // namespace netloom

package vn.hoinghi.media.fleet;

/** One bridge and the shard whose Jicofo allocates it (it joins that shard's JvbBrewery only). */
public record BridgeNode(String id, RegionSpec region, ShardSpec shard) {
}

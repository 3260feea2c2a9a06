"""Scale-out: chunks through joblib (loky locally, Dask on a cluster), the Dask plugin
that ships the model once per worker, the `batch --backend dask` option and Spark.

Nothing here is imported unless parallel or cluster work is asked for.
"""

/** ARNs of the right shapes, for unit tests (the same values the default emulator seed produces). */
export const DATASHARE =
  "arn:aws:redshift:us-east-1:111122223333:datashare:a1b2c3d4-0000-4000-8000-000000000001/sales";
export const NAMESPACE =
  "arn:aws:redshift:us-east-1:444455556666:namespace:c0ffee00-0000-4000-8000-000000000001";
export const SERVERLESS =
  "arn:aws:redshift-serverless:us-east-1:444455556666:namespace/c0ffee00-0000-4000-8000-000000000002";
export const CONSUMER_ACCOUNT = "444455556666";
export const PRODUCER_ACCOUNT = "111122223333";

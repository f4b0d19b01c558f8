// The AWS SDK's notice that its releases after January 2027 need Node.js 22 concerns no version
// the tests run (the lock file fixes them); keep it out of the test output.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= "true";

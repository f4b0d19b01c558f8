// The AWS SDK's warning that its releases after January 2027 need Node.js 22 concerns no SDK
// version this package pins; keep it out of the test output, as the provider does in its host.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= "true";

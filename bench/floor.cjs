// The floor: a Node process that only loads the SDK modules the program uses, and does nothing else.
require("@pulumi/pulumi");
for (const module of [
  "authorization",
  "cognitiveservices",
  "consumption",
  "managedidentity",
  "monitor",
  "network",
  "operationalinsights",
  "privatedns",
  "resources",
]) {
  require(`@pulumi/azure-native/${module}`);
}
for (const module of [
  "application",
  "applicationFederatedIdentityCredential",
  "getClientConfig",
  "getGroup",
  "group",
  "servicePrincipal",
]) {
  require(`@pulumi/azuread/${module}`);
}

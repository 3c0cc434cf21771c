/**
 * The environment variables Azure OpenAI client libraries read, and the Entra ID token scope of the
 * data plane. The stack exports its app settings under these names, so an app's environment can be
 * filled from the stack outputs without renaming.
 *
 * Sources (each library's own code):
 * - openai (Python `openai/lib/azure.py`, TypeScript `src/azure.ts`): `AzureOpenAI` reads
 *   `AZURE_OPENAI_ENDPOINT` and `OPENAI_API_VERSION` (and `AZURE_OPENAI_API_KEY`, never set here).
 * - LangChain Python (`langchain_openai` `AzureChatOpenAI`, `AzureOpenAIEmbeddings`): `AZURE_OPENAI_ENDPOINT`,
 *   `OPENAI_API_VERSION`; the deployment is a constructor argument.
 * - LangChain.js (`@langchain/openai` `AzureChatOpenAI`, `AzureOpenAIEmbeddings`): `AZURE_OPENAI_API_VERSION`,
 *   `AZURE_OPENAI_API_INSTANCE_NAME` (the subdomain), `AZURE_OPENAI_API_DEPLOYMENT_NAME`,
 *   `AZURE_OPENAI_API_EMBEDDINGS_DEPLOYMENT_NAME`.
 * - Semantic Kernel Python (`AzureOpenAISettings`, prefix `AZURE_OPENAI_`): `AZURE_OPENAI_ENDPOINT`,
 *   `AZURE_OPENAI_API_VERSION`, `AZURE_OPENAI_CHAT_DEPLOYMENT_NAME`, `AZURE_OPENAI_EMBEDDING_DEPLOYMENT_NAME`,
 *   `AZURE_OPENAI_TOKEN_ENDPOINT` (the token scope, default `https://cognitiveservices.azure.com/.default`).
 * - LlamaIndex (`llama_index.llms.azure_openai`, `llama_index.embeddings.azure_openai`): `AZURE_OPENAI_ENDPOINT`.
 * - azure-identity (`DefaultAzureCredential`, `ManagedIdentityCredential`): `AZURE_CLIENT_ID` selects
 *   the user-assigned managed identity.
 * - Token scope: https://learn.microsoft.com/azure/ai-services/openai/how-to/managed-identity
 */

/** The scope apps request a token for (Azure public cloud). */
export const COGNITIVE_SERVICES_TOKEN_SCOPE = "https://cognitiveservices.azure.com/.default";

/** An app setting: the environment variable name and which libraries read it. */
export interface AppSettingName {
  name: string;
  readBy: string;
}

export const APP_SETTING_NAMES = {
  endpoint: { name: "AZURE_OPENAI_ENDPOINT", readBy: "openai, LangChain, LlamaIndex, Semantic Kernel" },
  apiVersion: { name: "AZURE_OPENAI_API_VERSION", readBy: "Semantic Kernel, LangChain.js" },
  openaiApiVersion: { name: "OPENAI_API_VERSION", readBy: "openai (Python, TypeScript), LangChain Python" },
  instanceName: { name: "AZURE_OPENAI_API_INSTANCE_NAME", readBy: "LangChain.js" },
  chatDeployment: { name: "AZURE_OPENAI_CHAT_DEPLOYMENT_NAME", readBy: "Semantic Kernel" },
  embeddingDeployment: { name: "AZURE_OPENAI_EMBEDDING_DEPLOYMENT_NAME", readBy: "Semantic Kernel" },
  langchainChatDeployment: { name: "AZURE_OPENAI_API_DEPLOYMENT_NAME", readBy: "LangChain.js" },
  langchainEmbeddingsDeployment: {
    name: "AZURE_OPENAI_API_EMBEDDINGS_DEPLOYMENT_NAME",
    readBy: "LangChain.js",
  },
  tokenScope: { name: "AZURE_OPENAI_TOKEN_ENDPOINT", readBy: "Semantic Kernel (the token scope)" },
  clientId: { name: "AZURE_CLIENT_ID", readBy: "azure-identity (DefaultAzureCredential)" },
} as const satisfies Record<string, AppSettingName>;

export type AppSettingKey = keyof typeof APP_SETTING_NAMES;
export type AppSettingEnvName = (typeof APP_SETTING_NAMES)[AppSettingKey]["name"];

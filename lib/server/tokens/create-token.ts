// `POST /tokens`: a person mints an agent token; the secret is returned once and stored hashed.
import { transaction } from "@/lib/server/db/transaction";
import { generateId, generateToken, hashSecret, tokenPrefix } from "@/lib/server/auth/secrets";
import type { TokenCreate } from "@/lib/schemas/token";
import { toTokenView } from "@/lib/server/tokens/token-view";

export async function createToken(input: TokenCreate, createdBy: string) {
  const token = generateToken(input.scope);
  const row = await transaction((tx) =>
    tx.apiToken.create({
      data: { id: generateId("tok"), name: input.name, scope: input.scope, tokenHash: hashSecret(token), prefix: tokenPrefix(token), createdBy },
    }),
  );
  return { ...toTokenView(row), token };
}
